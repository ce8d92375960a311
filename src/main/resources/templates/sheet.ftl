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

<#macro student>
[cols="2,5,2,3",frame=all,grid=all]
|===
|*${t.studentName}* |{nbsp} +
{nbsp} |*${t.studentId}* |{nbsp}
|===
</#macro>

<#-- Formulas are MathML in HTML: typeset by the browser in a font with a MATH table, so that
     fraction bars and floor brackets stretch. -->
<#macro mathStyle>
ifndef::backend-pdf[]
++++
<style>math{font-family:"Latin Modern Math","STIX Two Math","DejaVu Math TeX Gyre","Cambria Math",math;font-size:1.15em}math[display=block]{margin:.6em 0 .2em}</style>
++++
endif::[]
</#macro>

<#macro diagram sheet lvl>
${lvl}= ${t.network}

<#-- the picture right after the heading, which the PDF keeps with it on one page -->
<#list sheet.diagrams as d>
image::${d}[${t.diagramAlt},align=center,pdfwidth=${sheet.diagramWidth}]

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

<#macro answers sheet lvl>
<@mathStyle/>

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

<#list sheet.totals as t>
${t.label}:: ${t.value}
</#list>

[NOTE]
.${t.conventions}
====
<#list sheet.conventions as c>
* ${c}
</#list>
====

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
ifdef::backend-pdf[]
image::${st.image}["${st.alt}"]
endif::[]
ifndef::backend-pdf[]
++++
${st.math}
++++
endif::[]

__${st.explanation}__

</#list>
</#list>
${lvl}= ${t.derivations}

<#list sheet.solutions as s>
[[${s.anchor}]]
${lvl}== ${s.heading}

${s.shapes}

<#if s.sameAs?has_content>
${t.sameAsBefore} <<${s.sameAs},${s.sameAsName}>>${t.sameAsAfter}

</#if>
<#list s.steps as st>
ifdef::backend-pdf[]
image::${st.image}["${st.alt}"]
endif::[]
ifndef::backend-pdf[]
++++
${st.math}
++++
endif::[]

__${st.explanation}__

</#list>
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

<#list sheet.code as c>
.${c.title}
[source,python,subs="specialchars"]
${c.delimiter}
${c.source}
${c.delimiter}

${c.counts}

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
ifdef::backend-pdf[]
image::${st.image}["${st.alt}"]
endif::[]
ifndef::backend-pdf[]
++++
${st.math}
++++
endif::[]

__${st.explanation}__

</#list>
${m.totalsLead}

<#list m.steps as st>
ifdef::backend-pdf[]
image::${st.image}["${st.alt}"]
endif::[]
ifndef::backend-pdf[]
++++
${st.math}
++++
endif::[]

__${st.explanation}__

</#list>
</#list>
</#macro>
