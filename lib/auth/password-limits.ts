/** Shortest password a person may choose. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password checked: argon2 over megabytes would be a way to burn the server's time. */
export const MAX_PASSWORD_LENGTH = 256;
