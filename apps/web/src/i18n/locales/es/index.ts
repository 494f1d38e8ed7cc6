import { type Catalogue, fromAreas } from '../../catalogue';

export default fromAreas(import.meta.glob<Catalogue>('./*.json', { eager: true, import: 'default' }));
