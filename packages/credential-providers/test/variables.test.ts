import * as container from "@credchain/provider-container";
import * as sts from "@credchain/provider-sts";
import { describe, expect, it } from "vitest";
import { CONTAINER_OPTION_VARIABLES, WEB_IDENTITY_OPTION_VARIABLES, withOptionVariables } from "../src/variables.js";

describe(withOptionVariables.name, () => {
  it("names the variables the providers read", () => {
    expect(Object.values(CONTAINER_OPTION_VARIABLES).sort()).toEqual(
      [container.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, container.AWS_CONTAINER_CREDENTIALS_FULL_URI, container.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, container.AWS_CONTAINER_AUTHORIZATION_TOKEN].sort(),
    );
    expect(Object.values(WEB_IDENTITY_OPTION_VARIABLES).sort()).toEqual([sts.AWS_WEB_IDENTITY_TOKEN_FILE, sts.AWS_ROLE_ARN, sts.AWS_ROLE_SESSION_NAME].sort());
  });

  it("writes the options that are set over their variables, in a copy; none set, env itself", () => {
    const env = { AWS_ROLE_ARN: "from-env", AWS_ROLE_SESSION_NAME: "keep" };
    expect(withOptionVariables(env, { roleArn: "from-option" }, WEB_IDENTITY_OPTION_VARIABLES)).toEqual({ AWS_ROLE_ARN: "from-option", AWS_ROLE_SESSION_NAME: "keep" });
    expect(env.AWS_ROLE_ARN).toBe("from-env");
    expect(withOptionVariables(env, {}, WEB_IDENTITY_OPTION_VARIABLES)).toBe(env);
  });
});
