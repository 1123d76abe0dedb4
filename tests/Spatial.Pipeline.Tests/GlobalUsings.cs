// The engine has its own Assert (NUKE's name); tests mean NUnit's.
global using Assert = NUnit.Framework.Assert;
