// Staff login in the cloud (DESIGN §3, docs/decisions.md 14-17): a Cognito user pool with MFA required, the hub as
// one OIDC client (authorization code + PKCE, no secret), a hosted login domain, and a group per role. Federating a
// member's own identity provider: docs/cognito.md.
import type { RoleName } from "@meldpunt/domain/staff";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import type { RegionConfig } from "./region-config";

/** One group per staff role of the domain (packages/domain/src/staff.ts); the type below fails if a role is missing. */
export const STAFF_ROLE_GROUPS = ["desk-staff", "member-admin", "board", "operator"] as const satisfies readonly RoleName[];
type MissingRole = Exclude<RoleName, (typeof STAFF_ROLE_GROUPS)[number]>;
const everyRoleHasAGroup: [MissingRole] extends [never] ? true : never = true;
void everyRoleHasAGroup;

const GROUP_DESCRIPTIONS: Record<(typeof STAFF_ROLE_GROUPS)[number], string> = {
  "desk-staff": "Desk staff (coordinators, vertrouwenspersonen, intake). The hub's own staff records decide which desk.",
  "member-admin": "A member's administrators. The hub's own staff records decide which member.",
  board: "Board members: the regional dashboard, no case content.",
  operator: "The hub's operator: members, desks and staff records, no case content.",
};

/** Where the hub receives the login answer and where Cognito sends people after logout (decision 17). */
export const hubLoginUrls = (config: Pick<RegionConfig, "hubDomain">) => ({
  hubUrl: `https://${config.hubDomain}`,
  redirectUrl: `https://${config.hubDomain}/inloggen/terug`,
  postLogoutUrl: `https://${config.hubDomain}/uitgelogd`,
});

export interface AuthStackProps extends StackProps {
  config: RegionConfig;
}

export class AuthStack extends Stack {
  public readonly userPool: UserPool;
  public readonly client: UserPoolClient;
  public readonly domain: UserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: OIDC_ISSUER. */
  public readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { config } = props;
    const urls = hubLoginUrls(config);

    this.userPool = new UserPool(this, "Staff", {
      userPoolName: `meldpunt-${config.id}-staff`,
      // Staff accounts are made by the region's administrators (or come from a member's own identity provider).
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // The hub keeps only sub, name and e-mail from the ID token (decision 14).
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (compromised credentials, risky sign-ins blocked) needs the Plus plan.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: `Uw account voor ${config.name}`,
        emailBody: `U hebt een account voor ${config.name}. Gebruikersnaam: {username}. Tijdelijk wachtwoord: {####}. Bij de eerste keer inloggen kiest u een eigen wachtwoord en stelt u een authenticator-app in.`,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of STAFF_ROLE_GROUPS) {
      new UserPoolGroup(this, `Group-${role}`, { userPool: this.userPool, groupName: role, description: GROUP_DESCRIPTIONS[role] });
    }

    this.domain = this.userPool.addDomain("Login", { cognitoDomain: { domainPrefix: config.cognitoDomainPrefix } });

    this.client = this.userPool.addClient("Hub", {
      userPoolClientName: "meldpunt-hub",
      // A public client: PKCE (S256, always sent by the hub's relying party) binds the code to the login that asked
      // for it, and no client secret has to reach the function (decision 14 allows both).
      generateSecret: false,
      // The hosted login only: no password ever passes through the hub (no USER_PASSWORD_AUTH, no admin flows).
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL],
        callbackUrls: [urls.redirectUrl],
        logoutUrls: [urls.postLogoutUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }),
      writeAttributes: new ClientAttributes(),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The hub drops every token after login (its own session cookie follows, decision 15): keep them short.
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.minutes(60),
      authSessionValidity: Duration.minutes(3),
    });

    this.issuerUrl = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    new CfnOutput(this, "OidcIssuer", { value: this.issuerUrl });
    new CfnOutput(this, "OidcClientId", { value: this.client.userPoolClientId });
    new CfnOutput(this, "HostedLoginUrl", { value: this.domain.baseUrl() });
  }
}
