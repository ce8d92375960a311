<#import "sheet.ftl" as s>
= ${t.keyTitle}: ${title}
<#if date?has_content>
:revdate: ${date}
</#if>
<#if (sheets?size > 1)>
:toc:
:toclevels: 1
</#if>
<@s.attributes/>

<@s.running title t.keyTitle/>

[.lead]
<#if course?has_content>${course} +
</#if>${lead}

<#list sheets as sheet>
<#if sheet.variant?has_content>
== ${sheet.variant}

<#elseif (sheets?size > 1)>
== ${sheet.title}

</#if>
<#if sheet.answerRows?has_content>
[options="header"]
|===
|${t.layer}<#list sheet.answerColumns as c> |${c}</#list>
<#list sheet.answerRows as r>
|${r.name}<#list r.answers as a> |${a}</#list>
</#list>
|===

</#if>
<#if sheet.askedTotals?has_content>
[cols="2,3"]
|===
<#list sheet.askedTotals as total>
|${total.label} |${total.value}
</#list>
|===

</#if>
</#list>
