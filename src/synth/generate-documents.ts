import type { Random } from './random.js';

export interface SynthOptions {
  roles: number;
  skills: number;
  /** Role–skill relations in all ("requires_skill" edges), like ESCO's occupation–skill relations. */
  relations: number;
  technologies: number;
}

export interface SynthDocument {
  file: string;
  text: string;
}

const ROLE_WORDS = ['Data', 'Cloud', 'Platform', 'Machine Learning', 'Security', 'Quality', 'Product', 'Research', 'Systems', 'Analytics', 'Integration', 'Network', 'Mobile', 'Frontend', 'Backend', 'Site Reliability', 'Database', 'Embedded', 'Game', 'Robotics'];
const ROLE_TITLES = ['Engineer', 'Analyst', 'Architect', 'Scientist', 'Developer', 'Specialist', 'Consultant', 'Manager', 'Administrator', 'Designer'];
const SKILL_TOPICS = ['analiza', 'projektowanie', 'testowanie', 'wdrażanie', 'monitorowanie', 'optymalizacja', 'modelowanie', 'dokumentowanie', 'automatyzacja', 'integracja', 'wizualizacja', 'utrzymanie', 'zarządzanie', 'audyt', 'migracja'];
const SKILL_OBJECTS = ['danych', 'systemów', 'usług', 'interfejsów', 'procesów', 'modeli', 'raportów', 'sieci', 'aplikacji', 'baz danych', 'potoków', 'kontenerów', 'zapytań', 'algorytmów', 'wymagań', 'ryzyka', 'kosztów', 'jakości', 'bezpieczeństwa', 'wydajności'];
const CATEGORIES = ['Programowanie', 'Biblioteki i Frameworki', 'Inżynieria Oprogramowania', 'Chmura Obliczeniowa', 'Konteneryzacja i Orkiestracja', 'MLOps', 'Bazy Danych', 'Umiejętności Miękkie'];
const TECH_STEMS = ['Nova', 'Quanta', 'Helix', 'Vertex', 'Orbit', 'Pulse', 'Strata', 'Flux', 'Atlas', 'Cobalt', 'Zephyr', 'Lumen', 'Prism', 'Sigma', 'Titan', 'Vector', 'Nimbus', 'Ember', 'Onyx', 'Rune'];
const RESPONSIBILITIES = [
  ['Projektowanie Potoków Danych', 'Data Pipeline Design'],
  ['Budowanie Usług', 'Service Building'],
  ['Wdrażanie Systemów', 'System Deployment'],
  ['Monitorowanie Produkcji', 'Production Monitoring'],
  ['Analiza Wymagań', 'Requirements Analysis'],
  ['Optymalizacja Wydajności', 'Performance Optimization'],
  ['Zapewnianie Jakości', 'Quality Assurance'],
  ['Zarządzanie Ryzykiem', 'Risk Management'],
];

/**
 * Writes a deterministic, ESCO-sized set of documents in the real format: every role a document with
 * all five sections, skills spread so that every skill is used and the role–skill relations add up.
 */
export function generateDocuments(options: SynthOptions, random: Random): SynthDocument[] {
  const roleNames = Array.from({ length: options.roles }, (_, i) => `${ROLE_WORDS[i % ROLE_WORDS.length]} ${ROLE_TITLES[Math.floor(i / ROLE_WORDS.length) % ROLE_TITLES.length]} ${String(i + 1).padStart(4, '0')}`);
  const skillNames = Array.from({ length: options.skills }, (_, i) => `${SKILL_TOPICS[i % SKILL_TOPICS.length]} ${SKILL_OBJECTS[Math.floor(i / SKILL_TOPICS.length) % SKILL_OBJECTS.length]} ${String(i + 1).padStart(5, '0')}`);
  const techNames = Array.from({ length: options.technologies }, (_, i) => `${TECH_STEMS[i % TECH_STEMS.length]}${String(i + 1).padStart(4, '0')}`);

  const skillsPerRole: string[][] = roleNames.map(() => []);
  const taken = roleNames.map(() => new Set<number>());
  const assign = (role: number, skill: number) => {
    if (taken[role].has(skill)) return false;
    taken[role].add(skill);
    skillsPerRole[role].push(skillNames[skill]);
    return true;
  };
  skillNames.forEach((_, skill) => assign(skill % options.roles, skill));
  let relations = Math.min(options.skills, options.relations);
  for (let guard = 0; relations < options.relations && guard < options.relations * 10; guard++) {
    if (assign(random.int(0, options.roles - 1), random.int(0, options.skills - 1))) relations++;
  }

  return roleNames.map((name, i) => {
    const other = roleNames[(i + 1 + random.int(0, options.roles - 2)) % options.roles];
    const lines: string[] = [
      `Moduł ${100 + Math.floor(i / 100)}, Punkt ${(i % 100) + 1}: Kim jest ${name}?`,
      '',
      '1. Wprowadzenie – Definicja i Rola',
      '',
      `    Definicja: ${name} to specjalista, który odpowiada za ${random.pick(SKILL_TOPICS)} ${random.pick(SKILL_OBJECTS)} w organizacji.`,
      '',
      `    Kontekst: ${name} współpracuje z zespołami produktowymi i technicznymi.`,
      '',
      '2. Kluczowe Odpowiedzialności i Zadania',
      '',
    ];
    const responsibilityCount = random.int(3, 6);
    const start = random.int(0, RESPONSIBILITIES.length - 1);
    for (let r = 0; r < responsibilityCount; r++) {
      const [pl, en] = RESPONSIBILITIES[(start + r) % RESPONSIBILITIES.length];
      lines.push(`    ${pl} (${en}):`, '');
      for (let p = random.int(1, 3); p > 0; p--) lines.push(`        ${capitalize(random.pick(SKILL_TOPICS))} ${random.pick(SKILL_OBJECTS)} z użyciem ${random.pick(techNames)}.`, '');
      const techs = new Set(Array.from({ length: random.int(3, 6) }, () => random.pick(techNames)));
      lines.push(`        Technologie: ${[...techs].join(', ')}.`, '');
    }
    lines.push(
      '3. Różnice w stosunku do innych ról',
      '',
      `    ${name} vs. ${other}:`,
      '',
      `        ${other}: Skupia się na ${random.pick(SKILL_TOPICS)} ${random.pick(SKILL_OBJECTS)}. Odpowiada na pytanie "Co możemy poprawić?".`,
      '',
      `        ${name}: Skupia się na ${random.pick(SKILL_TOPICS)} ${random.pick(SKILL_OBJECTS)}. Odpowiada na pytanie "Jak to zbudować?". Używa narzędzi takich jak ${random.pick(techNames)}.`,
      '',
      '4. Zestaw Kluczowych Umiejętności',
      '',
    );
    const skills = skillsPerRole[i];
    CATEGORIES.forEach((category, c) => {
      const items = skills.filter((_, k) => k % CATEGORIES.length === c);
      if (items.length) lines.push(`    ${category}: ${items.join(', ')}.`, '');
    });
    lines.push('5. Podsumowanie – Dlaczego ta rola jest ważna?', '', `    ${name} łączy wiedzę z zakresu ${random.pick(SKILL_OBJECTS)} i ${random.pick(SKILL_OBJECTS)}.`);
    return { file: `synth-${String(i + 1).padStart(4, '0')}.pl.txt`, text: `${lines.join('\n')}\n` };
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
