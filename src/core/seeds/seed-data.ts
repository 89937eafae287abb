/**
 * The bundled seed data (docs/rules.md §8): five department-years, parsed with the schema once at load so
 * a broken file fails at start-up, not in the middle of building a sheet. JSON imports work in
 * webpack (the task pane) and in tsc's CommonJS output (the CLI) alike.
 */
import guangdong2023 from "../../../seeds/guangdong-2023.json";
import guangzhou2022 from "../../../seeds/guangzhou-2022.json";
import huizhou2022 from "../../../seeds/huizhou-2022.json";
import jiangmen2023 from "../../../seeds/jiangmen-2023.json";
import shenzhen2023 from "../../../seeds/shenzhen-2023.json";
import { DEPARTMENT_IDS, DepartmentId, Seed, SeedSchema } from "./seed-schema";

export { DEPARTMENT_IDS };
export type { DepartmentId, Seed };

const RAW: Readonly<Record<DepartmentId, unknown>> = {
  "guangdong-2023": guangdong2023,
  "guangzhou-2022": guangzhou2022,
  "huizhou-2022": huizhou2022,
  "jiangmen-2023": jiangmen2023,
  "shenzhen-2023": shenzhen2023,
};

function load(id: DepartmentId): Seed {
  const result = SeedSchema.safeParse(RAW[id]);
  if (!result.success) throw new Error(`seed ${id} is invalid: ${result.error.message}`);
  if (result.data.id !== id) throw new Error(`seed file ${id}.json carries id ${result.data.id}`);
  return Object.freeze(result.data);
}

/** In docs/rules.md §8 order: the province first, then the cities. */
export const SEEDS: readonly Seed[] = Object.freeze(DEPARTMENT_IDS.map(load));

const BY_ID = new Map<string, Seed>(SEEDS.map((seed) => [seed.id, seed]));

export function seedById(id: DepartmentId): Seed;
export function seedById(id: string): Seed | undefined;
export function seedById(id: string): Seed | undefined {
  return BY_ID.get(id);
}
