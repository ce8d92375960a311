<#import "sheet.ftl" as s>
= ${sheet.title}
<@s.attributes/>

[.lead]
Question sheet · ${sheet.framework}

<@s.questions sheet "="/>
