<#ftl output_format="XML">
<#-- A Moodle XML question bank. Every ${} is XML-escaped by FreeMarker; the strings are HTML
     made and escaped in Java (io.layerwise.render.MoodleQuiz), which Moodle reads as the text of
     format="html" fields. -->
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<#list categories as c>
  <question type="category">
    <category>
      <text>${c.path}</text>
    </category>
    <info format="html">
      <text>${c.info}</text>
    </info>
  </question>
<#list c.questions as q>
  <question type="${q.type}">
    <name>
      <text>${q.name}</text>
    </name>
    <questiontext format="html">
      <text>${q.text}</text>
    </questiontext>
    <generalfeedback format="html">
      <text>${q.general}</text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>${q.idnumber}</idnumber>
<#if !q.numerical()>
    <usecase>0</usecase>
</#if>
<#list q.answers as a>
    <answer fraction="${a.fraction}" format="moodle_auto_format">
      <text>${a.text}</text>
      <feedback format="html">
        <text>${a.feedback}</text>
      </feedback>
<#if q.numerical()>
      <tolerance>${a.tolerance}</tolerance>
</#if>
    </answer>
</#list>
<#if q.numerical()>
    <unitgradingtype>0</unitgradingtype>
    <unitpenalty>0.1000000</unitpenalty>
    <showunits>3</showunits>
    <unitsleft>0</unitsleft>
</#if>
  </question>
</#list>
</#list>
</quiz>
