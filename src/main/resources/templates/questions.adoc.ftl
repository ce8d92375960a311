<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

[.lead]
${t.questionSheet} · ${sheet.framework}

<@s.questions sheet "="/>
