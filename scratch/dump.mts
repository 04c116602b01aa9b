import { createSeededApp } from '../test/helpers/seeded-app.ts';
const s = await createSeededApp();
for (const url of process.argv.slice(2)) {
  const r = await s.app.inject({ method: url.startsWith('POST ') ? 'POST' : 'GET', url: url.replace(/^POST /,'').split(' ')[0], payload: url.startsWith('POST ') ? JSON.parse(url.split(' ').slice(2).join(' ')) : undefined, headers: { accept: 'application/json' } });
  console.log('=== ' + url + ' ' + r.statusCode); console.log(process.env.FULL ? r.body : r.body.slice(0, 6000));
}
await s.close();
