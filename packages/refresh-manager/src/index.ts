export {
  DEFAULT_ADVISORY_WINDOW_MS,
  DEFAULT_MANDATORY_WINDOW_MS,
  refreshWindows,
  type RefreshWindowOption,
  type RefreshWindows,
} from "./refresh-windows.js";
export {
  withRefresh,
  type RefreshInfo,
  type RefreshingProvider,
  type RefreshReason,
  type WithRefreshOptions,
} from "./with-refresh.js";
