// refresh-manager alone, around a trivial provider (the cost of caching + refresh windows).
import { withRefresh } from "@credchain/refresh-manager";

export const credentials = await withRefresh(async () => ({ accessKeyId: "A", secretAccessKey: "S", source: "explicit" }))();
