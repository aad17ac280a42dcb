using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Marks a generated request property as required when another property of the same object holds a
    /// given value (<c>open</c> when <c>action</c> is <c>set</c>). The TcbGen analyzer reads it to report
    /// a broken requirement at compile time when the other property is set to a constant.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class RequiredWhenAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="propertyName">The C# name of the property whose value decides.</param>
        /// <param name="value">The value that makes this property required.</param>
        public RequiredWhenAttribute(string propertyName, object value)
        {
            PropertyName = propertyName;
            Value = value;
        }

        /// <summary>The C# name of the property whose value decides.</summary>
        public string PropertyName { get; }

        /// <summary>The value that makes this property required.</summary>
        public object Value { get; }
    }
}
