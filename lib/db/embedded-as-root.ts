import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { constants, existsSync } from "node:fs";
import { chmod, cp, lchown, lstat, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { binary, type PostgresBuild } from "./embedded-binaries";
import { EmbeddedPostgresError } from "./embedded-problem";

// PostgreSQL refuses to run as root, so as root it runs as the OS user
// `postgres` (created when missing), who must reach both its binaries and its
// data. In a project only root can enter (/root/app, anything under mktemp -d)
// neither is reachable, so both are kept under PLACE instead, set up on first start.

export interface RunAs {
  uid: number;
  gid: number;
}

/** Root-owned, so that nobody else can put binaries there for the server to run. */
export const PLACE = "/var/lib/call-analytics";

export const runningAsRoot = () => process.getuid?.() === 0;

function lookUpPostgresUser(): RunAs | null {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

export function postgresUser(): RunAs {
  const found = lookUpPostgresUser();
  if (found) return found;
  try {
    // Fails harmlessly when the group exists already.
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (e) {
    const reason = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new EmbeddedPostgresError({ kind: "no-postgres-user", reason: reason.split("\n")[0] });
  }
  const created = lookUpPostgresUser();
  if (!created) throw new EmbeddedPostgresError({ kind: "no-postgres-user", reason: "useradd created no such user" });
  return created;
}

// Asking the system as that user, rather than reading modes, also honours ACLs and mounts.
const asUser = (user: RunAs, command: string, args: string[]) =>
  spawnSync(command, args, { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore" }).status === 0;
const canRun = (dir: string, user: RunAs) => asUser(user, binary(dir, "postgres"), ["--version"]);
const canEnter = (dir: string, user: RunAs) => asUser(user, "/bin/sh", ["-c", 'cd -- "$1"', "sh", dir]);

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

async function makePlace(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Whatever root's umask, the user postgres has to pass through.
  await chmod(dir, 0o755);
}

/** Readable (and, where executable, runnable) by everyone: root's umask may have made the copy private. */
async function openUp(entry: string): Promise<void> {
  const s = await lstat(entry);
  if (s.isSymbolicLink()) return;
  if (!s.isDirectory()) return chmod(entry, s.mode & 0o100 ? 0o755 : 0o644);
  await chmod(entry, 0o755);
  for (const name of await readdir(entry)) await openUp(path.join(entry, name));
}

/** The directory of a PostgreSQL build the user can run: the shipped one, or a copy of it under PLACE. */
export async function reachableBuild(build: PostgresBuild, user: RunAs): Promise<string> {
  if (canRun(build.dir, user)) return build.dir;
  const target = path.join(PLACE, `postgresql-${build.version}-${process.platform}-${process.arch}`);
  try {
    if (!existsSync(target)) {
      await makePlace(PLACE);
      const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
      try {
        await cp(build.dir, partial, { recursive: true, verbatimSymlinks: true, mode: constants.COPYFILE_FICLONE });
        await openUp(partial);
        // Another start may have placed it meanwhile; either copy will do.
        await rename(partial, target).catch((e) => {
          if (!existsSync(target)) throw e;
        });
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
    }
  } catch (e) {
    if (code(e) === "ENOSPC") throw new EmbeddedPostgresError({ kind: "disk-full", dir: PLACE });
    throw new EmbeddedPostgresError({ kind: "no-reachable-place", dir: build.dir, place: PLACE, reason: (e as Error).message });
  }
  if (canRun(target, user)) return target;
  throw new EmbeddedPostgresError({ kind: "no-reachable-place", dir: build.dir, place: target, reason: "the user postgres cannot run the copy there" });
}

/** Where the data of `dir` lives when the user postgres cannot enter `dir`'s directory. */
export function relocatedDataDir(dir: string): string {
  const readable = dir
    .replace(/^[/\\]+/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(-60);
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 8);
  return path.join(PLACE, "data", `${readable}-${hash}`);
}

const holdsCluster = (dir: string) => existsSync(path.join(dir, "PG_VERSION"));

/**
 * `dir` when the user postgres can enter the directory holding it, otherwise
 * its relocated directory. A database found in either place stays where it is.
 */
export async function reachableDataDir(dir: string, user: RunAs): Promise<string> {
  const elsewhere = relocatedDataDir(dir);
  if (holdsCluster(dir)) {
    if (canEnter(path.dirname(dir), user)) return dir;
    throw new EmbeddedPostgresError({ kind: "data-unreachable", dir, movedTo: elsewhere });
  }
  if (holdsCluster(elsewhere)) return elsewhere;
  const here = await mkdir(path.dirname(dir), { recursive: true }).then(
    () => canEnter(path.dirname(dir), user),
    () => false,
  );
  if (here) return dir;
  try {
    await makePlace(PLACE);
    await makePlace(path.dirname(elsewhere));
  } catch (e) {
    if (code(e) === "ENOSPC") throw new EmbeddedPostgresError({ kind: "disk-full", dir: PLACE });
    throw new EmbeddedPostgresError({ kind: "no-reachable-place", dir, place: PLACE, reason: (e as Error).message });
  }
  return elsewhere;
}

async function chownTree(entry: string, user: RunAs): Promise<void> {
  await lchown(entry, user.uid, user.gid);
  if ((await lstat(entry)).isDirectory()) {
    for (const name of await readdir(entry)) await chownTree(path.join(entry, name), user);
  }
}

/** Makes `dir` (created when missing) the user's; a copy made by root, or a user re-created with another uid, is taken over. */
export async function handOver(dir: string, user: RunAs): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const s = await stat(dir);
  if (s.uid !== user.uid || s.gid !== user.gid) await chownTree(dir, user);
}
