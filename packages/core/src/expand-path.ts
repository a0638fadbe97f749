import type { Env } from "./context.js";

/** Python's `os.path.expandvars` (POSIX): `$NAME` and `${NAME}`; unknown names stay as written. */
export function expandVars(path: string, env: Env): string {
  if (!path.includes("$")) return path;
  return path.replace(/\$(\w+|\{[^}]*\})/g, (match, name: string) => {
    const key = name.startsWith("{") ? name.slice(1, -1) : name;
    const value = env[key];
    return value === undefined ? match : value;
  });
}

/** Python's `os.path.expanduser` (POSIX) for `~` and `~/…`; `~user` stays as written. */
export function expandUser(path: string, homedir: string): string {
  if (!path.startsWith("~")) return path;
  let end = path.indexOf("/", 1);
  if (end < 0) end = path.length;
  if (end !== 1) return path;
  const home = homedir.replace(/\/+$/, "");
  return home + path.slice(end) || "/";
}

/** As botocore expands a config file path: variables first, then the home directory. */
export function expandPath(path: string, env: Env, homedir: string): string {
  return expandUser(expandVars(path, env), homedir);
}
