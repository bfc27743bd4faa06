// One error family for the whole hub. The HTTP edge maps `kind` to a status in exactly one place;
// messages here are safe to show: they never carry report text, names or receipt codes.
import type { Label } from "./taxonomy";

export type ErrorKind =
  | "validation"
  | "not-found"
  | "conflict"
  | "forbidden"
  | "too-large"
  | "rate-limited"
  | "integrity"
  | "unavailable";

export class HubError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly userMessage: Label,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${userMessage.en}`, options);
    this.name = "HubError";
  }
}

export interface FieldIssue {
  /** The form field name, so a page can link the message to its field. */
  field: string;
  message: Label;
}

export class ValidationError extends HubError {
  constructor(readonly issues: FieldIssue[]) {
    super("validation", {
      nl: "Niet alle velden zijn goed ingevuld.",
      en: "Some fields are not filled in correctly.",
    });
    this.name = "ValidationError";
  }
}

/**
 * A report form sent without a solved proof of work sooner than the wait (docs/decisions.md 24). A 400 that brings the
 * form back with every answer and the same token, so sending it again still gives one report.
 */
export class TooEarlyError extends HubError {
  constructor(readonly retryAfterSeconds: number) {
    super("validation", {
      nl: "Uw melding is nog niet verstuurd. Wacht een paar seconden en verstuur het formulier dan opnieuw; uw antwoorden staan er nog.",
      en: "Your report has not been sent yet. Wait a few seconds, then send the form again; your answers are still there.",
    });
    this.name = "TooEarlyError";
  }
}

export class NotFoundError extends HubError {
  constructor(message: Label = { nl: "Niet gevonden.", en: "Not found." }) {
    super("not-found", message);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends HubError {
  constructor(
    message: Label = {
      nl: "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.",
      en: "Someone else changed this meanwhile. Reload the page.",
    },
  ) {
    super("conflict", message);
    this.name = "ConflictError";
  }
}

/** Sealed data that cannot be opened: wrong member, wrong case, tampered bytes, or an unknown format. */
export class IntegrityError extends HubError {
  constructor(
    readonly reason: "wrong-context-or-tampered" | "unknown-format" | "missing-key" | "missing-blob",
    options?: { cause?: unknown },
  ) {
    super("integrity", { nl: "Deze gegevens kunnen niet worden geopend.", en: "This data cannot be opened." }, options);
    this.name = "IntegrityError";
  }
}

export class UnavailableError extends HubError {
  constructor(options?: { cause?: unknown }) {
    super(
      "unavailable",
      { nl: "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.", en: "The service is temporarily unavailable. Try again later." },
      options,
    );
    this.name = "UnavailableError";
  }
}

export class TooLargeError extends HubError {
  constructor() {
    super("too-large", {
      // Nothing was read: the way back to what the reporter typed is the browser's Back button, which keeps it.
      nl: "Wat u verstuurt is te groot: er is niets opgeslagen. Ga terug met de knop Vorige van uw browser; wat u typte staat er nog. Kies dan minder of kleinere bestanden (hoogstens 5, elk hoogstens 10 MB), of maak de tekst korter.",
      en: "What you are sending is too large: nothing was stored. Go back with your browser's Back button; what you typed is still there. Then choose fewer or smaller files (at most 5, each at most 10 MB), or shorten the text.",
    });
    this.name = "TooLargeError";
  }
}

/** The person is known but may not do this; a page names no reason that would tell them more than that. */
export class ForbiddenError extends HubError {
  constructor(message: Label = { nl: "U hebt geen toegang tot deze pagina.", en: "You do not have access to this page." }) {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

/**
 * Too many attempts for now (the receipt-login throttle, docs/decisions.md 20). The message says when to try again, in
 * whole minutes, and never what was typed; `retryAfterSeconds` is for the HTTP `Retry-After` header.
 */
export class RateLimitedError extends HubError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    const minutes = Math.ceil(seconds / 60);
    super("rate-limited", {
      nl: `Er is te vaak een verkeerde code geprobeerd. Probeer het over ${minutes === 1 ? "1 minuut" : `${minutes} minuten`} opnieuw.`,
      en: `A wrong code was tried too often. Try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`,
    });
    this.name = "RateLimitedError";
    this.retryAfterSeconds = seconds;
  }
}
