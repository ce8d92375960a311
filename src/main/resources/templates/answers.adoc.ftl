<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

<@s.running sheet.title t.answerSheet/>

[.lead]
${t.answerSheet} · ${sheet.framework}<#if sheet.variant?has_content> +
${sheet.variant}</#if>

<@s.answers sheet "="/>
