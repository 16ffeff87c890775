import { understandTemplate } from "./lib/intelligence/understand/understand";
import { analyze } from "./lib/intelligence/understand/nlp";
for (const s of process.argv.slice(2)) { const t = understandTemplate(s); console.log(s, JSON.stringify(t.understanding.hits), JSON.stringify(t.ranked)); }
console.log(analyze("longer mailing extended"));
