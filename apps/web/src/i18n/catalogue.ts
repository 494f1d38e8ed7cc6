/** One area's strings, nested by key. */
export type Catalogue = { [key: string]: string | Catalogue };

/**
 * A language's catalogue from its area files (`./room.json` holds the strings under `room.`), so that each feature
 * keeps its own file and two people adding strings to different areas never touch the same one.
 */
export function fromAreas(files: Record<string, Catalogue>): Catalogue {
  return Object.fromEntries(
    Object.entries(files).map(([path, strings]) => [path.replace(/^.*\/([\w-]+)\.json$/, '$1'), strings]),
  );
}
