<#import "sheet.ftl" as s>
= ${t.keyTitle}: ${title}
:doctype: book
:toc:
:toclevels: 1
<@s.attributes/>

[.lead]
${lead}

<#list sheets as sheet>
== ${sheet.variant}

[cols="5,5,>3",options="header"]
|===
|${t.layerType} |${t.outputShape} |${t.parameters}
<#list sheet.layers as l>
|${l.name} (${l.type}) |${l.output} |${l.params}
</#list>
|===

<#list sheet.totals as total>
${total.label}:: ${total.value}
</#list>

</#list>
