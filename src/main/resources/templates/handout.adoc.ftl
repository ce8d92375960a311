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

<#if !answers>
<@s.student/>

</#if>
<#list sheets as sheet>
== ${sheet.title}

<#if answers>
<@s.answers sheet "=="/>
<#else>
<@s.questions sheet "=="/>
</#if>

</#list>
