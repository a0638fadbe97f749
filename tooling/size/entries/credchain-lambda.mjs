// The Lambda chain: env, then the container endpoint (SnapStart, ECS), then IMDS, cached and
// refreshed by refresh-manager. No ini/process/boto: a Lambda has no ~/.aws (budget 12 KiB).
import { chain, link } from "@credchain/chain/compose";
import { fromContainerMetadata } from "@credchain/provider-container";
import { fromEnv } from "@credchain/provider-env";
import { fromInstanceMetadata } from "@credchain/provider-imds";
import { withRefresh } from "@credchain/refresh-manager";

const provider = withRefresh(
  chain(link("env", fromEnv()), link("container-role", fromContainerMetadata()), link("iam-role", fromInstanceMetadata())),
);
export const credentials = await provider();
