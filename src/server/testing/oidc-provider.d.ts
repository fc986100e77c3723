// SPDX-License-Identifier: EUPL-1.2
// oidc-provider ships no types (they are @types/oidc-provider, not a dependency): the little that the
// SPID/CIE sign-in test uses of it.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type AccountClaims = { sub: string; [claim: string]: unknown };
  export type Account = {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  };
  export type ClientMetadata = {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
  };
  export type Configuration = {
    clients?: ClientMetadata[];
    findAccount?: (ctx: unknown, id: string) => Account | undefined | Promise<Account | undefined>;
    /** Scope name → its claims; a claim requested on its own (claims parameter) maps to null. */
    claims?: Record<string, string[] | null>;
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    jwks?: { keys: object[] };
    cookies?: { keys?: string[] };
    /** Lifetimes in seconds by artefact (`AccessToken`, `IdToken`, `Interaction`, `Session`, `Grant`). */
    ttl?: Record<string, number>;
  };

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
  export default Provider;
}
