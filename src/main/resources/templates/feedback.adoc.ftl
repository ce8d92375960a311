<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

<@s.running sheet.title t.feedbackSheet/>

[.lead]
${t.feedbackSheet} · ${t.score} ${sheet.score}

<#list sheet.items as i>
== ${i.layer} · ${i.quantity}: ${i.given}

<#if i.correct>
[.verdict-right]
${i.headline}
<#else>
[.verdict-wrong]
*${i.headline}*<#if i.mistake?has_content> `${i.mistake}`</#if>
</#if>

<#if i.yours?has_content>
*${sheet.yourWayLabel}:*

<#list i.yours as st>
++++
${st.math}
++++

__${st.explanation}__

</#list>
</#if>
<#if i.why?has_content>
[TIP]
====
${i.why}
====

</#if>
<#if !i.correct && i.right?has_content>
*${sheet.rightWayLabel}:*

<#list i.right as st>
++++
${st.math}
++++

__${st.explanation}__

</#list>
<#elseif !i.correct>
${sheet.rightWayLabel}: ${i.expected}

</#if>
</#list>
