// `@credchain/core/writes`: the cross-process lock and the atomic writer every write to ~/.aws and
// the caches goes through. Its own entry so a chain loads it only when it reaches a provider that
// writes (SSO, login, the role file cache): a resolution from env or the files never does. Like
// `@credchain/core/internal`, not covered by semver.
export { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic.js";
export { withFileLock, type FileLockOptions } from "./with-file-lock.js";
export { updateFile, type UpdateFileOptions } from "./update-file.js";
export { realTarget } from "./real-target.js";
