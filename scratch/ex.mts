import { createSeededApp } from '../test/helpers/seeded-app.ts';
const s = await createSeededApp();
const ex = async (text: string) => {
  const r = await s.app.inject({ method: 'POST', url: '/extract', payload: { text } });
  const b = r.json();
  if (r.statusCode !== 200) return console.log(r.statusCode, r.body);
  console.log(JSON.stringify(text), '→', [...b.technologies.map((t: any) => 't:' + t.slug + '[' + t.mentions.map((m: any) => m.matched) + ']'), ...b.skills.map((t: any) => 's:' + t.slug), ...b.roles.map((t: any) => 'r:' + t.slug)].join(' '));
};
for (const t of ['Flaskiem', 'Sparkiem', 'Pydanticiem', 'NumPyem', 'Azurze', 'Data Scientistami', 'testowania kodu', 'wzorców projektowych', 'zasad SOLID', 'komunikacji', 'You excel at', 'terraform tf files', 'scikit-image', 'spark discussions', 'Znamy Excela i Tableau.', 'Spark, Kafka i Airflow', 'pandas, numpy, scikit']) await ex(t);
const g = await s.app.inject({ method: 'POST', url: '/roles/ai-engineer/gap', payload: { have: ['wzorców projektowych', 'SOLID', 'MLOps'] } });
console.log(JSON.stringify(g.json().recognized), g.json().unrecognized);
await s.close();
