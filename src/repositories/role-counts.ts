import type Database from 'better-sqlite3';

export interface RoleCounts {
  responsibilities: number;
  skills: number;
  technologies: number;
  comparisons: number;
}

/**
 * Every technology tied to a role, by the four ways the roles repository's technologyUsages knows:
 * a responsibility's list, a task's text, a required skill, a comparison side's tools (only the
 * role's own side, of a comparison the role takes part in).
 */
const ROLE_TECHNOLOGIES = `
  SELECT re.role_id, rt.technology_id FROM responsibility_technologies rt JOIN responsibilities re ON re.id = rt.responsibility_id
  UNION ALL
  SELECT re.role_id, tt.technology_id FROM task_technologies tt JOIN tasks t ON t.id = tt.task_id JOIN responsibilities re ON re.id = t.responsibility_id
  UNION ALL
  SELECT rs.role_id, st.technology_id FROM role_skills rs JOIN skill_technologies st ON st.skill_id = rs.skill_id
  UNION ALL
  SELECT cs.role_id, cst.technology_id FROM comparison_side_technologies cst JOIN comparison_sides cs ON cs.id = cst.side_id
    JOIN comparisons c ON c.id = cs.comparison_id AND cs.role_id IN (c.role_id, c.other_role_id)`;

/**
 * The counts a role summary shows, in SQL: a handful of grouped queries for all roles at once (the
 * role list) or of indexed counts for one role, instead of reading every row of every role.
 */
export class RoleCountQueries {
  private all?: Map<number, RoleCounts>;
  private readonly one: Record<keyof RoleCounts, Database.Statement>;

  constructor(private readonly sqlite: Database.Database) {
    this.one = {
      responsibilities: sqlite.prepare('SELECT count(*) FROM responsibilities WHERE role_id = ?').pluck(),
      skills: sqlite.prepare('SELECT count(*) FROM role_skills WHERE role_id = ?').pluck(),
      technologies: sqlite.prepare(`SELECT count(DISTINCT technology_id) FROM (${ROLE_TECHNOLOGIES}) WHERE role_id = ?`).pluck(),
      comparisons: sqlite.prepare('SELECT (SELECT count(*) FROM comparisons WHERE role_id = @role) + (SELECT count(*) FROM comparisons WHERE other_role_id = @role)').pluck(),
    };
  }

  /** One role's counts; from the all-roles table when it has been read already. */
  of(roleId: number): RoleCounts {
    if (this.all) return { ...(this.all.get(roleId) ?? zero()) };
    const count = (key: keyof RoleCounts) => (key === 'comparisons' ? this.one[key].get({ role: roleId }) : this.one[key].get(roleId)) as number;
    return { responsibilities: count('responsibilities'), skills: count('skills'), technologies: count('technologies'), comparisons: count('comparisons') };
  }

  /** Every role's counts, read once per handle: the served database never changes under it. */
  forAll(): Map<number, RoleCounts> {
    if (this.all) return this.all;
    const all = new Map<number, RoleCounts>();
    const at = (roleId: number) => all.get(roleId) ?? all.set(roleId, zero()).get(roleId)!;
    const grouped = (query: string, key: keyof RoleCounts) => {
      for (const [roleId, n] of this.sqlite.prepare(query).raw().all() as [number, number][]) at(roleId)[key] += n;
    };
    grouped('SELECT role_id, count(*) FROM responsibilities GROUP BY role_id', 'responsibilities');
    grouped('SELECT role_id, count(*) FROM role_skills GROUP BY role_id', 'skills');
    grouped(`SELECT role_id, count(DISTINCT technology_id) FROM (${ROLE_TECHNOLOGIES}) GROUP BY role_id`, 'technologies');
    grouped('SELECT role_id, count(*) FROM comparisons GROUP BY role_id', 'comparisons');
    grouped('SELECT other_role_id, count(*) FROM comparisons GROUP BY other_role_id', 'comparisons');
    this.all = all;
    return all;
  }
}

const zero = (): RoleCounts => ({ responsibilities: 0, skills: 0, technologies: 0, comparisons: 0 });
