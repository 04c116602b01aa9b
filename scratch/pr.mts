import { createSeededApp } from '../test/helpers/seeded-app.ts';
import { JOB_AD_SENTENCES } from '../test/fixtures/job-ads.ts';
const s = await createSeededApp();
const techs = new Set((await s.app.inject({ url: '/technologies?limit=100' })).json().items.map((t: any) => t.slug));
for (const ad of JOB_AD_SENTENCES) {
  const b = (await s.app.inject({ method: 'POST', url: '/extract', payload: { text: ad.text } })).json();
  const t = b.technologies.map((x: any) => x.slug); const sk = b.skills.map((x: any) => x.slug).filter((x: string) => !techs.has(x));
  const fpT = t.filter((x: string) => !ad.technologies.includes(x)), fnT = ad.technologies.filter((x) => !t.includes(x));
  const fpS = sk.filter((x: string) => !ad.skills.includes(x)), fnS = ad.skills.filter((x) => !sk.includes(x));
  if (fpT.length + fnT.length + fpS.length + fnS.length) console.log(ad.text, { fpT, fnT, fpS, fnS });
}
await s.close();
