// Free of zod, so that the call page's review form can import it cheaply (and
// without zod's eval probe, which the Content-Security-Policy reports).

export const REVIEW_NOTE_MAX = 1000;
