import type { CredentialProvider } from "@credchain/core/local";

/** A provider with the name `explain` shows for it (a credential source, or any label). */
export interface ChainLink {
  readonly source: string;
  readonly provider: CredentialProvider;
}

/** Names a provider for the explain trace: `chain(link("vault", fromVault()), fromEnv())`. */
export function link(source: string, provider: CredentialProvider): ChainLink {
  return { source, provider };
}

export function toLink(entry: CredentialProvider | ChainLink, index: number): ChainLink {
  if (typeof entry === "function") {
    // A bare function: name it after the provider's own name where it has one (a bound function's
    // without "bound ": withRefresh's providers are bound to their state).
    const name = entry.name.replace(/^bound /, "");
    return { source: name && name !== "anonymous" ? name : `provider #${index + 1}`, provider: entry };
  }
  return entry;
}
