// `npm run levels:schema`: writes levels/schema/*.schema.json from the zod schemas.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentSchemas } from './schemas';

const dir = resolve(import.meta.dirname, '..', 'levels', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(contentSchemas())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote levels/schema/${name}`);
}
