import { PLAN_TEMPLATES } from "./lib/intelligence/plan/templates";
import { understandTemplate } from "./lib/intelligence/understand/understand";
const cases: [string,string][] = PLAN_TEMPLATES.flatMap((t) => t.triggers.flatMap((p) => [[t.id, `Hi! We'd like a ${p} for our new brand, please.`],[t.id, `${p.toUpperCase()} — that's what I need today`]] as [string,string][]));
for (const [id, s] of cases) { const d = understandTemplate(s); if (d.best?.id !== id) console.log(id, "<-", s, "got", d.best?.id, JSON.stringify(d.understanding.hits.map(h=>(h.negated?"!":"")+h.concept+":"+h.phrase)), JSON.stringify(d.ranked.slice(0,2))); }
