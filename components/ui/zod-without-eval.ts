import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` when it may. The content
// security policy forbids eval, so in the browser even Zod's probe for it is
// blocked and reported as a violation. Parsing without it is fast enough
// for forms.
z.config({ jitless: true });
