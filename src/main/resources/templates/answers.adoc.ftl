<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

[.lead]
${t.answerSheet} · ${sheet.framework}

<@s.answers sheet "="/>
