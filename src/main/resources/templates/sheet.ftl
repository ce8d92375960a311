<#-- Pieces shared by the sheets. Everything printed here arrives finished and escaped:
     the templates loop and print, they compute nothing. ${lvl} is the heading marker of the
     level the piece sits at ("=" in a sheet, "==" in a handout). -->

<#macro attributes>
:lang: en
:reproducible:
:nofooter:
:figure-caption!:
:table-caption!:
:example-caption!:
:sectanchors:
:experimental!:
</#macro>

<#macro diagram sheet lvl>
${lvl}= Network

The network takes inputs of shape ${sheet.input} (${sheet.framework}).

<#list sheet.diagrams as d>
image::${d}[Network diagram,align=center,pdfwidth=38%]

</#list>
</#macro>

<#macro network sheet lvl>
<@diagram sheet lvl/>
[cols="1,4,4,8,4",options="header"]
|===
|# |Layer |Type |Hyperparameters |Input
<#list sheet.layers as l>
|${l.position} |${l.name} |${l.type} |${l.hyperparameters} |${l.inputs}
</#list>
|===
</#macro>

<#macro questions sheet lvl>
<#if sheet.description?has_content>
${sheet.description}

</#if>
<@network sheet lvl/>

${lvl}= What to find

Give

<#list sheet.questions as q>
* ${q}
</#list>

${lvl}= Your answers

[options="header"]
|===
|Layer<#list sheet.answerColumns as c> |${c}</#list>
<#list sheet.layers as l>
|${l.name}<#list sheet.answerColumns as c> |{nbsp} +
{nbsp}</#list>
</#list>
|===

[cols="2,3"]
|===
<#list sheet.answerTotals as label>
|${label} |{nbsp} +
{nbsp}
</#list>
|===
</#macro>

<#macro answers sheet lvl>
<#if sheet.description?has_content>
${lvl}= Question

${sheet.description}

</#if>
<@diagram sheet lvl/>
${lvl}= Summary

[cols="5,5,>3",options="header"]
|===
|Layer (type) |Output shape |Parameters
<#list sheet.layers as l>
|${l.name} (${l.type}) |${l.output} |${l.params}
</#list>
|===

<#list sheet.totals as t>
${t.label}:: ${t.value}
</#list>

[NOTE]
.Conventions
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
image::${st.image}["${st.alt}"]

__${st.explanation}__

</#list>
</#list>
${lvl}= Derivations

<#list sheet.solutions as s>
[[${s.anchor}]]
${lvl}== ${s.heading}

${s.shapes}

<#if s.sameAs?has_content>
The same derivations as <<${s.sameAs},${s.sameAsName}>>: the same kind of layer, with the same
hyperparameters, on an input of the same shape.

</#if>
<#list s.steps as st>
image::${st.image}["${st.alt}"]

__${st.explanation}__

</#list>
</#list>
<#if sheet.pitfalls?has_content>
${lvl}= Pitfalls this network touches

<#list sheet.pitfalls as p>
* ${p}
</#list>
</#if>
</#macro>
