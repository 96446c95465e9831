/**
 * The shape of the server, checked on every run (docs/ARCHITECTURE.md):
 *   - no import cycles between modules, nor between the server's folders (type imports count:
 *     a cycle of types is still a cycle a reader has to untangle);
 *   - the sync core (server/src/sync) imports no domain module: workshops' rules reach it only
 *     through the policy it defines (sync/policy.ts);
 *   - shared/ imports nothing of the server or the web app.
 */
import path from 'node:path';
import { cruise, type IModule } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../utils/server.ts';

const SERVER_SRC = 'server/src/';
/** Folders of server/src the sync core must not import. */
const DOMAIN_FOLDERS = ['auth', 'workshops', 'facilitation', 'http', 'versions', 'exports', 'documents'];

/** A module's node in the folder graph: its folder under server/src, or the root file itself. */
const folderOf = (source: string): string | null => {
  if (!source.startsWith(SERVER_SRC)) return null;
  const rest = source.slice(SERVER_SRC.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest;
};

/** Every cycle of a directed graph, each as the list of its nodes (Tarjan's strongly connected components). */
const cyclesOf = (edges: Map<string, Set<string>>): string[][] => {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return found;
};

describe('module graph', () => {
  let modules: IModule[];

  beforeAll(async () => {
    const cwd = process.cwd();
    process.chdir(REPO_ROOT);
    try {
      const result = await cruise(
        ['server/src', 'shared/src'],
        { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, exclude: { path: 'node_modules' }, combinedDependencies: true },
        undefined,
        { tsConfig: { fileName: path.join(REPO_ROOT, 'server/tsconfig.json') } }
      );
      if (typeof result.output === 'string') throw new Error('unexpected string output');
      modules = result.output.modules.filter((m) => !m.coreModule && !m.source.includes('node_modules'));
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);

  it('reads the whole server and shared code', () => {
    expect(modules.filter((m) => m.source.startsWith(SERVER_SRC)).length).toBeGreaterThan(60);
    expect(modules.filter((m) => m.source.startsWith('shared/src/')).length).toBeGreaterThan(60);
  });

  it('has no import cycle between modules', () => {
    const edges = new Map<string, Set<string>>();
    for (const m of modules) edges.set(m.source, new Set(m.dependencies.map((d) => d.resolved).filter((r) => !r.includes('node_modules'))));
    expect(cyclesOf(edges)).toEqual([]);
  });

  it("has no import cycle between the server's folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const m of modules) {
      const from = folderOf(m.source);
      if (!from) continue;
      const targets = edges.get(from) ?? new Set<string>();
      for (const d of m.dependencies) {
        const to = folderOf(d.resolved);
        if (to && to !== from) targets.add(to);
      }
      edges.set(from, targets);
    }
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('keeps the sync core free of domain modules (rules reach it through sync/policy.ts)', () => {
    const offending = modules
      .filter((m) => m.source.startsWith(`${SERVER_SRC}sync/`))
      .flatMap((m) => m.dependencies.filter((d) => DOMAIN_FOLDERS.includes(folderOf(d.resolved) ?? '')).map((d) => `${m.source} → ${d.resolved}`));
    expect(offending).toEqual([]);
  });

  it('keeps shared/ free of the server and the web app', () => {
    const offending = modules
      .filter((m) => m.source.startsWith('shared/src/'))
      .flatMap((m) =>
        m.dependencies.filter((d) => d.resolved.startsWith('server/') || d.resolved.startsWith('web/')).map((d) => `${m.source} → ${d.resolved}`)
      );
    expect(offending).toEqual([]);
  });
});
