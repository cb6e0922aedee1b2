// After `next build`: the standalone server serves /_next/static and public/ only from inside its
// own folder (https://nextjs.org/docs/app/api-reference/config/next-config-js/output), so copy them in.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.WEB_BUILD_DIR || '.next';
const server = `${web}${dist}/standalone/apps/web`;
cpSync(`${web}${dist}/static`, `${server}/${dist}/static`, { recursive: true });
if (existsSync(`${web}public`)) cpSync(`${web}public`, `${server}/public`, { recursive: true });
