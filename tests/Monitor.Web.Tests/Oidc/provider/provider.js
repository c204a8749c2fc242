// A real OpenID Connect provider for Monitor's sign-in tests (tests/Monitor.Web.Tests/Oidc), on 127.0.0.1 only.
// One confidential client with the test host's redirect URI; accounts and their groups are read from ACCOUNTS_FILE on
// every lookup, so a test can change a user's groups at the "identity provider" between two sign-ins. oidc-provider's
// development interactions serve the login form (any password) and the consent form, as a real provider's pages would.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const { PORT, REDIRECT_URI, CLIENT_ID, CLIENT_SECRET, ACCOUNTS_FILE } = process.env;
for (const [name, value] of Object.entries({ PORT, REDIRECT_URI, CLIENT_ID, CLIENT_SECRET, ACCOUNTS_FILE })) {
  if (!value) throw new Error(`${name} is not set`);
}

const issuer = `http://127.0.0.1:${PORT}`;
const accounts = () => JSON.parse(readFileSync(ACCOUNTS_FILE, 'utf8'));

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT_URI],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // ASP.NET Core's handler sends the secret in the token request's body.
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    groups: ['groups'],
    regions: ['regions'],
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-only-cookie-signing-key'] },
  async findAccount(_ctx, sub) {
    const account = accounts()[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, preferred_username: sub, name: account.name ?? sub, groups: account.groups ?? [], regions: account.regions ?? [] };
      },
    };
  },
});

provider.listen(Number(PORT), '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
