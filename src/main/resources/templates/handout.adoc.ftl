<#import "sheet.ftl" as s>
= ${title}<#if course?has_content>: ${course}</#if>
<#if date?has_content>
:revdate: ${date}
</#if>
:doctype: book
:toc:
:toclevels: 1
:title-page:
<@s.attributes/>

<@s.running title=title kind=answers?then(t.answerSheet, t.questionSheet)/>

<#list sheets as sheet>
== ${sheet.title}

<#if !answers && sheet?is_first>
<@s.student/>

</#if>
<#if answers>
<@s.answers sheet "=="/>
<#else>
<@s.questions sheet "=="/>
</#if>

</#list>
