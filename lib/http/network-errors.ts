// Why a connection failed, in words an admin reads in a delivery log or a
// source's last error, instead of Node's codes ("getaddrinfo ENOTFOUND x").
// The original error stays attached as the cause, for the logs.

const BY_CODE: Record<string, string> = {
  ENOTFOUND: "The host name could not be found.",
  EAI_AGAIN: "The host name could not be looked up just now.",
  ECONNREFUSED: "The server refused the connection.",
  ECONNRESET: "The connection was cut off.",
  EPIPE: "The connection was cut off.",
  UND_ERR_SOCKET: "The connection was cut off.",
  ETIMEDOUT: "The server did not answer in time.",
  UND_ERR_CONNECT_TIMEOUT: "The server did not answer in time.",
  UND_ERR_HEADERS_TIMEOUT: "The server did not answer in time.",
  UND_ERR_BODY_TIMEOUT: "The server stopped sending its answer.",
  EHOSTUNREACH: "The server cannot be reached from here.",
  ENETUNREACH: "The server cannot be reached from here.",
  CERT_HAS_EXPIRED: "The server's security certificate has expired.",
  DEPTH_ZERO_SELF_SIGNED_CERT: "The server's security certificate is not trusted (self-signed).",
  SELF_SIGNED_CERT_IN_CHAIN: "The server's security certificate is not trusted (self-signed).",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "The server's security certificate is not trusted.",
  ERR_TLS_CERT_ALTNAME_INVALID: "The server's security certificate is for another name.",
  EPROTO: "The secure connection could not be set up.",
};

/** A sentence for a failed connection: its code's meaning, else the error's own message. */
export function networkErrorText(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && BY_CODE[code]) return BY_CODE[code];
  if ((e as Error).name === "TimeoutError" || (e as Error).name === "AbortError") return "The server did not answer in time.";
  return e instanceof Error && e.message ? e.message : "The connection failed.";
}
