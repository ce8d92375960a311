<#ftl output_format="HTML">
<#-- The offline self-check page. Every ${} is HTML-escaped by FreeMarker; the data block is
     JSON built and escaped in Java; the script is the resource io/layerwise/render/selfcheck.js.
     It hashes what the student types and compares hashes, and recomputes later layers from the
     student's own earlier shapes to credit carried errors. -->
<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${page.title} · ${t.selfCheckTitle}</title>
<style>
body{font-family:"Noto Serif",Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}
.lead{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
input{font:inherit;width:11rem;padding:.2rem .3rem}
.verdict{display:block;font-size:.92rem;margin-top:.2rem}
.verdict.right{color:#1a7f37}
.verdict.wrong{color:#b42318}
.verdict.unknown{color:#8a6100}
.verdict.carried{color:#1d4ed8}
.score{font-weight:bold}
.diagram{text-align:center;margin:1rem 0}.diagram svg{max-width:100%;height:auto}
code{font-family:"DejaVu Sans Mono",monospace}
</style>
</head>
<body>
<h1>${page.title}</h1>
<p class="lead">${t.selfCheck} · ${page.framework} · ${t.inputShape} ${page.input}</p>
<#macro segments items><#list items as s><#if s.code == "true"><code>${s.text}</code><#else>${s.text}</#if></#list></#macro>
<#list page.description as b>
<#if b.kind == "p">
<p><@segments b.items[0]/></p>
<#elseif b.kind == "ul">
<ul>
<#list b.items as i>
<li><@segments i/></li>
</#list>
</ul>
<#else>
<pre>${b.items?join("\n")}</pre>
</#if>
</#list>
<h2>${t.network}</h2>
<#-- the diagram is SVG built in Java with every name escaped -->
<#list page.diagrams as d>
<div class="diagram">${d?no_esc}</div>
</#list>
<table>
<tr><th>#</th><th>${t.layer}</th><th>${t.type}</th><th>${t.hyperparameters}</th><th>${t.input}</th></tr>
<#list page.rows as r>
<tr><td>${r.position}</td><td>${r.name}</td><td>${r.type}</td><td>${r.hyperparameters}</td><td>${r.inputs}</td></tr>
</#list>
</table>
<h2>${t.yourAnswers}</h2>
<p>${t.selfCheckHelp}</p>
<#if page.memoryElsewhere>
<p class="note">${t.selfCheckNoMemory}</p>
</#if>
<table>
<tr><th>${t.layer}</th><th>${t.quantity}</th><th>${t.answer}</th></tr>
<#list page.questions as q>
<tr><td>${q.layer}</td><td>${q.quantityLabel}</td><td><input type="text" autocomplete="off" spellcheck="false" data-layer="${q.layer}" data-quantity="${q.quantity}" data-kind="<#if q.shape>shape<#else>count</#if>" aria-label="${q.label}"><span class="verdict" aria-live="polite"></span></td></tr>
</#list>
</table>
<script type="application/json" id="layerwise-data">${page.json?no_esc}</script>
<p id="layerwise-score" class="score" aria-live="polite"></p>
<script>
${page.script?no_esc}
</script>
</body>
</html>
