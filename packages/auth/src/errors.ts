import { HubError } from "@meldpunt/domain";

/** The provider's answer could not be accepted: cancelled, expired, replayed, or not matching what was sent. */
export class LoginFailedError extends HubError {
  constructor(options?: { cause?: unknown }) {
    super(
      "validation",
      {
        nl: "Inloggen is niet gelukt. Het kan zijn dat het te lang duurde. Probeer het opnieuw.",
        en: "Logging in did not succeed. Perhaps it took too long. Please try again.",
      },
      options,
    );
    this.name = "LoginFailedError";
  }
}
