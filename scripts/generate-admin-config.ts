/** `npm run generate:admin-config`: writes src/admin/config.generated.json from the content schemas. */
import { writeFileSync } from 'node:fs';
import { adminConfigJson } from '../src/admin/config.ts';

writeFileSync('src/admin/config.generated.json', adminConfigJson());
console.log('wrote src/admin/config.generated.json');
