// Prints the OpenAPI document as JSON, built from the route registry and schemas/ exactly as the
// server builds it, without starting a server. Bundled and run by scripts/write-openapi.mjs.
import { allRoutes, VERSION } from '../server/app';
import { openApiDocument } from '../server/openapi/document';
import { loadSchemas } from '../server/http/validation';

const doc = openApiDocument(allRoutes(), loadSchemas() as Record<string, Record<string, unknown>>, VERSION);
process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
