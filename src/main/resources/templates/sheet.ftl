<#-- Pieces shared by the sheets. Everything printed here arrives finished and escaped:
     the templates loop and print, they compute nothing. ${lvl} is the heading marker of the
     level the piece sits at ("=" in a sheet, "==" in a handout). -->

<#macro attributes>
:lang: ${t.lang}
:toc-title: ${t.tocTitle}
:note-caption: ${t.noteCaption}
:tip-caption: ${t.tipCaption}
:warning-caption: ${t.warningCaption}
:important-caption: ${t.importantCaption}
:caution-caption: ${t.cautionCaption}
:reproducible:
:nofooter:
:figure-caption!:
:table-caption!:
:example-caption!:
:sectanchors:
:experimental!:
</#macro>

<#-- The printed sheet's running footer: the title and what the sheet is (so that a loose page
     says whether it holds answers) at the left, "Page N of M" at the right (the print
     stylesheet places both at every page's foot and fills in the numbers); never on screen. -->
<#macro running title kind>
<@mathStyle/>

++++
<div class="lw-running" aria-hidden="true">${title} · ${kind}</div>
<div class="lw-running-page" aria-hidden="true">${t.page} <span class="lw-n"></span> ${t.pageOf} <span class="lw-m"></span></div>
++++
</#macro>

<#macro student>
[cols="2,5,2,3",frame=all,grid=all]
|===
|*${t.studentName}* |{nbsp} +
{nbsp} |*${t.studentId}* |{nbsp}
|===
</#macro>

<#-- Formulas are MathML: typeset by the browser in a font with a MATH table, so that fraction
     bars and floor brackets stretch (the PDF printer typesets them from their LaTeX). What only
     paper shows (.lw-print-only, the running footer) stays off the screen, and the other way
     round. -->
<#macro mathStyle>
++++
<style>math{font-family:"Latin Modern Math","STIX Two Math","DejaVu Math TeX Gyre","Cambria Math",math;font-size:1.15em}math[display=block]{margin:.6em 0 .2em;max-width:100%;overflow-x:auto;overflow-y:hidden}.lw-running,.lw-running-page,.lw-print-only{display:none}@media print{.lw-screen-only{display:none}}</style>
++++
</#macro>

<#macro diagram sheet lvl>
${lvl}= ${t.network}

<#-- the picture right after the heading, which the PDF keeps with it on one page -->
<#list sheet.diagrams as d>
image::${d.file}["${d.alt}",align=center]

</#list>
${sheet.inputLine}

</#macro>

<#-- The question sheet's network: the diagram alone, which shows every layer's name, kind and
     hyperparameters and, by its arrows, where its input comes from. -->
<#macro network sheet lvl>
<@diagram sheet lvl/>
</#macro>

<#macro questions sheet lvl>
<#if sheet.description?has_content>
${sheet.description}

</#if>
<@network sheet lvl/>

${lvl}= ${t.whatToFind}

[.lw-lead-in]
${t.give}

<#list sheet.questions as q>
* ${q}
</#list>

${lvl}= ${t.yourAnswers}

<#if sheet.answerRows?has_content>
[options="header"]
|===
|${t.layer}<#list sheet.answerColumns as c> |${c}</#list>
<#list sheet.answerRows as r>
|${r.name}<#list r.asked as a><#if a> |{nbsp} +
{nbsp}<#else> |${sheet.notAsked}</#if></#list>
</#list>
|===

</#if>
<#if sheet.answerTotals?has_content>
[cols="2,3"]
|===
<#list sheet.answerTotals as label>
|${label} |{nbsp} +
{nbsp}
</#list>
|===
</#if>
</#macro>

<#-- One derivation: the formula and its explanation, which the sheet leaves out where it has
     just given the same sentence. -->
<#macro step st>
++++
${st.math}
++++

<#if st.explanation?has_content>
__${st.explanation}__

</#if>
</#macro>

<#-- A layer's derivations as a textbook sets them: on screen one formula a line, on paper side
     by side as far as the line allows (the print stylesheet); then the reasons in one paragraph,
     each sentence once. -->
<#macro layerSteps steps>
++++
<#list steps as st>
${st.math}
</#list>
++++

<#assign said = steps?filter(st -> st.explanation?has_content)>
<#if said?has_content>
<#list said as st>__${st.explanation}__<#sep> </#sep></#list>

</#if>
</#macro>

<#macro answers sheet lvl>
<#if sheet.description?has_content>
${lvl}= ${t.question}

${sheet.description}

</#if>
<@diagram sheet lvl/>
${lvl}= ${t.summary}

[cols="5,5,>3",options="header"]
|===
|${t.layerType} |${t.outputShape} |${t.parameters}
<#list sheet.layers as l>
|${l.name} (${l.type}) |${l.output} |${l.params}
</#list>
|===

[cols="${sheet.totals?size}*>",options="header"]
|===
<#list sheet.totals as t>|${t.label}<#sep> </#sep></#list>
<#list sheet.totals as t>|${t.value}<#sep> </#sep></#list>
|===

.${t.conventions}
<#list sheet.conventions as c>
* ${c}
</#list>

<#list sheet.comparisons as c>
${lvl}= ${c.heading}

${c.intro}

<#if c.rows?has_content>
[cols="5,>3,>3,>3",options="header"]
|===
<#list c.columns as h>|${h}<#sep> </#sep></#list>
<#list c.rows as r>
<#list r as cell>|${cell}<#sep> </#sep></#list>
</#list>
|===

</#if>
<#list c.steps as st>
<@step st/>
</#list>
</#list>
${lvl}= ${t.derivations}

<#-- each layer one block, which the print stylesheet keeps on one page -->
<#list sheet.solutions as s>
[[${s.anchor}]]
--
[discrete]
${lvl}== ${s.heading}: ${s.shapes}

<#if s.sameAs?has_content>
${t.sameAsBefore} <<${s.sameAs},${s.sameAsName}>>${t.sameAsAfter}

</#if>
<#if s.steps?has_content>
<@layerSteps s.steps/>
</#if>
--

</#list>
<@memory sheet lvl/>
<#if sheet.pitfalls?has_content>
${lvl}= ${t.pitfalls}

<#list sheet.pitfalls as p>
* ${p}
</#list>

</#if>
<#if sheet.code?has_content || sheet.codeNotes?has_content>
${lvl}= ${t.code}

${t.codeIntro}

<#-- on paper the program in the exercise's own framework; the other one, a listing to copy, on
     screen only -->
<#list sheet.code as c>
<#if !c?is_first>
[.lw-print-only]
${t.codeOtherInHtml}

[.lw-screen-only]
--
</#if>
.${c.title}
[source,python,subs="specialchars"]
${c.delimiter}
${c.source}
${c.delimiter}

${c.counts}

<#if !c?is_first>
--

</#if>
</#list>
<#if sheet.codeNotes?has_content>
.${t.codeNotes}
<#list sheet.codeNotes as n>
* ${n}
</#list>
</#if>
</#if>
</#macro>

<#-- The memory of a training step (answer sheets of exercises with training:): a table per
     layer, the totals in bytes, MiB and MB, the conventions, the derivations of the totals. -->
<#macro memory sheet lvl>
<#list sheet.memory as m>
${lvl}= ${m.heading}

${m.intro}

[cols="4,>3,>3,>3,>3,>3",options="header"]
|===
<#list m.columns as h>|${h}<#sep> </#sep></#list>
<#list m.rows as r>
<#list r as cell>|${cell}<#sep> </#sep></#list>
</#list>
|===

[cols="5,>3,>2,>2",options="header"]
|===
|${t.memoryPart} |${t.memoryBytes} |MiB |MB
<#list m.totals as r>
<#list r as cell>|<#if r?is_last>*${cell}*<#else>${cell}</#if><#sep> </#sep></#list>
</#list>
|===

<#list m.notes as n>
* ${n}
</#list>

${m.example}

<#list m.exampleSteps as st>
++++
${st.math}
++++

__${st.explanation}__

</#list>
${m.totalsLead}

<#list m.steps as st>
++++
${st.math}
++++

__${st.explanation}__

</#list>
</#list>
</#macro>
