import { describe, expect, it } from "vitest";
import { partitionOf } from "../src/partitions.js";

describe(partitionOf.name, () => {
  it.each([
    ["eu-west-1", "aws"],
    ["il-central-1", "aws"],
    ["cn-northwest-1", "aws-cn"],
    ["aws-cn-global", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
    ["aws-us-gov-global", "aws-us-gov"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"],
    ["eusc-de-east-1", "aws-eusc"],
    ["aws-global", "aws"],
    ["foo-bar-1", "aws"],
  ])("%s is in %s", (region, id) => {
    expect(partitionOf(region).id).toBe(id);
  });
});
