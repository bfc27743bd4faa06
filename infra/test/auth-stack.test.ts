// Staff login's user pool: MFA required, no self sign-up, one PKCE client without a secret that can do nothing but the
// authorization code flow to the hub's own callback, a hosted login domain, and a group per role.
import { Match, Template } from "aws-cdk-lib/assertions";
import { testApp } from "./support";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthStack, hubLoginUrls, STAFF_ROLE_GROUPS } from "../src/auth-stack";
import { loadRegionConfig } from "../src/region-config";

describe("AuthStack", () => {
  const config = loadRegionConfig();
  let template: Template;
  beforeAll(() => {
    const stack = new AuthStack(testApp(), "Meldpunt-Auth", { env: { region: config.awsRegion }, config });
    template = Template.fromStack(stack);
  });

  it("requires MFA (an authenticator app, no SMS), a strong password, and has no self sign-up", () => {
    template.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Retain",
      Properties: {
        MfaConfiguration: "ON",
        EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
        UserPoolTier: "PLUS",
        UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
        DeletionProtection: "ACTIVE",
      },
    });
  });

  it("has one public PKCE client: authorization code only, the hub's callback and logout URLs, no secret", () => {
    const urls = hubLoginUrls(config);
    template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: Match.arrayEquals(["openid", "profile", "email"]),
      CallbackURLs: [urls.redirectUrl],
      LogoutURLs: [urls.postLogoutUrl],
      SupportedIdentityProviders: ["COGNITO"],
      PreventUserExistenceErrors: "ENABLED",
      ExplicitAuthFlows: Match.arrayEquals(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
    });
    expect(urls.redirectUrl).toBe("https://meldpunt.westfriesland.example/inloggen/terug");
  });

  it("has a hosted login domain and a group per staff role", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolDomain", { Domain: config.cognitoDomainPrefix });
    for (const role of STAFF_ROLE_GROUPS) template.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: role });
    template.resourceCountIs("AWS::Cognito::UserPoolGroup", STAFF_ROLE_GROUPS.length);
  });
});
