<#import "sheet.ftl" as s>
= ${title}
:doctype: book
:toc:
:toclevels: 1
:title-page:
<@s.attributes/>

<#list sheets as sheet>
== ${sheet.title}

<#if answers>
<@s.answers sheet "=="/>
<#else>
<@s.questions sheet "=="/>
</#if>

</#list>
