<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

<@s.running sheet.title t.questionSheet/>

[.lead]
${t.questionSheet} · ${sheet.framework}<#if sheet.variant?has_content> +
${sheet.variant}</#if>

<@s.student/>

<@s.questions sheet "="/>
