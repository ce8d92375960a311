<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

[.lead]
Answer sheet · ${sheet.framework}

<@s.answers sheet "="/>
